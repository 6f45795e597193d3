"""Request and response bodies of the catalog API."""
