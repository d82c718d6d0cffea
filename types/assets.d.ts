/** CSS Modules: class names are scoped per file, so remotes cannot leak styles into the shell. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
declare module '*.css';
