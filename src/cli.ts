// The `licit` bin (tsup adds the shebang): run the CLI, set the exit code, print unexpected errors with their stack.
import { handleError } from './cli/errors.js'
import { main } from './cli/main.js'

main(process.argv.slice(2)).then((code) => void (process.exitCode = code), handleError)
