from diplonews.cli import main

main(prog_name="diplonews")
