"""Reading and writing files and sharing work between processes: the edge."""
