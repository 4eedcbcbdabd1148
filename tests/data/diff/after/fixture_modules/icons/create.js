export default function createIcon(name) { return name; }
