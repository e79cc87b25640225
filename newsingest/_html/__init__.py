"""Stage 2 for HTML input: parse the page once, read its metadata (JSON-LD, meta tags, bylines, dates), drop its furniture and extract the main text as blocks.

See docs/architecture.md for how the stages connect.
"""
