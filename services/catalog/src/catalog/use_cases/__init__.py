"""What the catalog does: one async function per operation, each committing explicitly."""
