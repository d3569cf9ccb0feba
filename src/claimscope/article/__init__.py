"""Article stage: Page bytes -> clean Document (text, title, byline, date, outlet, language)."""
