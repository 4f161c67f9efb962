"""The faces of the pipeline: the command line, the library functions and the `show` page."""
