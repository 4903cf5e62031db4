"""URL arguments and POST-only routes of the project package, for the URL sweep."""

KWARGS: dict = {}
POST_ONLY = {"logout", "set_language"}
