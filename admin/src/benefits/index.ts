import BenefitIcon from '@mui/icons-material/TrendingUp';
import { BenefitList } from './BenefitList';
import { BenefitShow } from './BenefitShow';
import { BenefitCreate, BenefitEdit } from './BenefitPages';

export default {
    list: BenefitList,
    show: BenefitShow,
    edit: BenefitEdit,
    create: BenefitCreate,
    icon: BenefitIcon,
    recordRepresentation: 'title',
};
