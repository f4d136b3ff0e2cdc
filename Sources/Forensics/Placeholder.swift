enum ForensicsPlaceholder {}
