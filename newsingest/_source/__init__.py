"""Stage 1, the source: read bytes, paths or strings within limits, decode them, tell HTML from text.

See docs/architecture.md for how the stages connect.
"""
