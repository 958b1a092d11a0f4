"""Spider and downloader middlewares of govcrawl."""
