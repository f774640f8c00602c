import "server-only";
import { cache } from "react";
import { createContext } from "./context";
import { createCaller } from "./root";

/** The tRPC caller for server components: same procedures, same checks, no HTTP hop. */
export const serverApi = cache(async () => createCaller(await createContext()));
