from zgrongcuo.cli import main

main()
