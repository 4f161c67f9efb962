"""Input: files, saved web pages and crawl archives become Article records (the I/O edge)."""
