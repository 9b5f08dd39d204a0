import ChecklistIcon from '@mui/icons-material/Checklist';
import { ChecklistList } from './ChecklistList';
import { ChecklistShow } from './ChecklistShow';
import { ChecklistEdit } from './ChecklistEdit';

export default {
    list: ChecklistList,
    show: ChecklistShow,
    edit: ChecklistEdit,
    icon: ChecklistIcon,
    // The id is the gate's code; pages show its translated name.
    recordRepresentation: 'id',
};
