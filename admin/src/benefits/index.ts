import BenefitIcon from '@mui/icons-material/TrendingUp';
import { BenefitList } from './BenefitList';
import { BenefitShow } from './BenefitShow';
import { BenefitForm } from './BenefitForm';
import { createPage, editPage } from '../shared/pages';

export default {
    list: BenefitList,
    show: BenefitShow,
    edit: editPage(BenefitForm),
    create: createPage(BenefitForm),
    icon: BenefitIcon,
    recordRepresentation: 'title',
};
