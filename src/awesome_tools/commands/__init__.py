"""One module per subcommand, each with `run(args) -> exit code`; imported only when used."""
