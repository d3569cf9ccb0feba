"""Test helpers shared by the whole suite (local HTTP server)."""
