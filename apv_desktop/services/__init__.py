"""What a user can do with a project, as plain functions: the CLI and the GUI both call these.

They open the store, call interchange and core, and never print or show anything themselves.
"""
