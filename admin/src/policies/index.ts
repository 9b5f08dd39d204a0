import PolicyIcon from '@mui/icons-material/Timer';
import { PolicyList } from './PolicyList';
import { PolicyEdit } from './PolicyEdit';

export default {
    list: PolicyList,
    edit: PolicyEdit,
    icon: PolicyIcon,
    // The id is the gate's code; pages show its translated name (see PolicyTitle).
    recordRepresentation: 'id',
};
