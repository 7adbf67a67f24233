// Wording of every audit diagnostic, mismatch and violation (kept out of the logic, as ESLint's meta.messages).

export const walkMessages = {
  unreadableDirectory: (code: string) => `The folder could not be read (${code}); it was skipped`,
  brokenSymlink: (code: string) => `The symbolic link points nowhere (${code}); it was skipped`,
  symlinkOutside: () => 'The symbolic link points outside the root; it was not followed (use followSymlinks / --follow-symlinks)',
  symlinkSeen: () => 'The symbolic link leads to a folder already visited (a loop or a duplicate); it was not followed again',
}

export const fileMessages = {
  tooLarge: (size: number, limit: number) => `The file is ${size} bytes, above the ${limit}-byte limit; it was not analyzed`,
  unreadable: (code: string) => `The file could not be read (${code}); it was not analyzed`,
  badPackageJson: (why: string) => `package.json is not valid JSON (${why}); its name and license were not read`,
}

export const mismatchMessages = {
  contradicts: (declaredIn: string, declared: string, file: string, found: string) => `${declaredIn} declares ${declared} but ${file} is ${found}`,
  incomplete: (file: string, extra: string, declaredIn: string, declared: string) => `${file} also holds ${extra}, which ${declaredIn} does not declare (it declares ${declared})`,
  undeclared: (declaredIn: string, file: string, found: string) => `${declaredIn} declares no license, but ${file} is ${found}`,
  lineage: (declared: string, base: string, inherited: string) => `Declares ${declared}, which is more permissive than ${inherited}, inherited from its base model ${base}`,
}

export const policyMessages = {
  denied: (pkg: string, id: string) => `${pkg} is licensed under ${id}, which the policy denies`,
  notAllowed: (pkg: string, expression: string) => `${pkg} is licensed under ${expression}, which the policy's allowed licenses do not cover`,
  unknown: (pkg: string, expression: string) => `${pkg} has no identifiable license (${expression}); the policy allows only listed licenses`,
  failOn: (pkg: string, reason: string) => `${pkg}: ${reason}`,
  severity: (pkg: string, reason: string) => `${pkg}: ${reason}`,
}

export const configMessages = {
  notFound: (path: string, code: string) => `The config file ${path} could not be read (${code})`,
  invalidJson: (path: string, why: string) => `The config file ${path} is not valid JSON: ${why}`,
  invalid: (path: string, why: string) => `The config file ${path} is not a valid licit config:\n${why}`,
  root: (root: string, code: string) => `The audit root ${root} could not be read (${code})`,
  notDirectory: (root: string) => `The audit root ${root} is not a folder (classify single files with \`licit FILE\`)`,
}
