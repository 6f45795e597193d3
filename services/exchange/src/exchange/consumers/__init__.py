"""Events in: one module per consumed event (each defines its own narrow view of the payload)."""
