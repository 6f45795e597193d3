"""Case-handling rules as pure functions: the working-day calendar, the legal clock, the state machine."""
