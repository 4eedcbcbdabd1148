// A few names from each barrel: what a tree-shaking bundler keeps is what Fanout says is needed.
import { Camera, Heart } from "lucide-react";
import { AccessAlarm, ThreeDRotation } from "@mui/icons-material";
import { addDays, format } from "date-fns";
import { chunk, debounce } from "lodash-es";

export const used = [Camera, Heart, AccessAlarm, ThreeDRotation, addDays, format, chunk, debounce];
