"""The desktop screens (PySide6). They call the services through a task runner and never
touch the database directly."""
