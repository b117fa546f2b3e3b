"""HTML from the model: Jinja2 templates (autoescaped) in templates/, Swedish formatting,
and sanitised Markdown for the fields that are Markdown. Knows nothing of MkDocs."""
