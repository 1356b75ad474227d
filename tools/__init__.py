"""Developer tools that live beside the product and never ship: screenshots of every screen."""
