"""Officials: persons with an office (role, country, organization) and their mentions."""
