"""Live session mode: running a session from a laptop, often projected for the group."""
