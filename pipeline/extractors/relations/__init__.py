"""Relations: MET_WITH, PART_OF and LOCATED_IN between the records of one article."""
