"""Ingest stage: turn what the user names (files, folders, URLs, feeds, WARC, stdin) into Pages."""
