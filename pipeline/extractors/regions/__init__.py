"""Regions: places with their type, country and ISO code, found with the gazetteer."""
