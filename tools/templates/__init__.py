"""The shipped questionnaire templates as Python data, and the generator that writes them.

Run `python -m tools.templates.generate` from the repository root after changing a template; it
rewrites resources/templates/*.xlsx and index.json (both committed).
"""
