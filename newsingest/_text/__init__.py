"""Stage 3: text blocks and the rules that clean them: block splitting, the working draft, the rule vocabulary, the text-matching layer and the generic cleaners.

See docs/architecture.md for how the stages connect.
"""
