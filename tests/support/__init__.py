"""What the tests share: small councils built through the core's services, and readers of PDFs."""
