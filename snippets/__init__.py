"""Code behind the site: activation functions, their properties, a tiny network, figures."""
