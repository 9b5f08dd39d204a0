import ReadinessIcon from '@mui/icons-material/OutlinedFlag';
import { ReadinessList } from './ReadinessList';
import { ReadinessForm } from './ReadinessForm';
import { ReadinessShow } from './ReadinessShow';
import { createPage } from '../shared/pages';

export default {
    list: ReadinessList,
    show: ReadinessShow,
    create: createPage(ReadinessForm),
    icon: ReadinessIcon,
    recordRepresentation: 'unit',
};
