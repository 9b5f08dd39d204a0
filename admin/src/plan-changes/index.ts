import PlanChangeIcon from '@mui/icons-material/EditNote';
import { PlanChangeList } from './PlanChangeList';
import { PlanChangeShow } from './PlanChangeShow';

export default {
    list: PlanChangeList,
    show: PlanChangeShow,
    icon: PlanChangeIcon,
    recordRepresentation: 'reason',
};
