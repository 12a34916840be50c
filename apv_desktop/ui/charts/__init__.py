"""Charts drawn with matplotlib inside Qt. Import these modules only when a chart is about to be
shown: matplotlib takes a second to import and the main window must be up in under two."""
