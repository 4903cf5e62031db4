"""The open API: read-only JSON over the registers and the published figures (see api_urls)."""
