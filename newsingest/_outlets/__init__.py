"""Outlet plugins: the plugin API (declarations, hooks, versions) and the registry that loads and chooses them.

See docs/architecture.md for how the stages connect.
"""
