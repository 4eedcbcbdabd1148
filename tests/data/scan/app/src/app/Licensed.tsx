/*
* Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. * Licensed under the Apache License, Version 2.0. 
*/
"use client";
export function Licensed() { return null; }
