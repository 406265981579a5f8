from cdsdsl.cli import main

main()
