"""What commands call beyond the core: the project as read, the lint's proof."""
