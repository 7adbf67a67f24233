// The package version, inlined at build time (SARIF's tool.driver.version, `licit --version`).
import { version } from '../../package.json'

/** licit's version, from package.json. */
export const VERSION: string = version
