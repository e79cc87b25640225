"""Stage 4: language detection for articles and paragraphs (seeded langdetect, langdetect-rs when installed, Malay told from Indonesian).

See docs/architecture.md for how the stages connect.
"""
