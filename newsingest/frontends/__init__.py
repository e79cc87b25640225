"""Front ends over the pipeline: the command line, the notebook helpers and HTML view, Dask, terminal-safe output.

See docs/architecture.md for how the stages connect.
"""
