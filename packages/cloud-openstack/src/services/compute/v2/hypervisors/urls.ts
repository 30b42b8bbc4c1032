export const hypervisorsDetailUrl = () => 'os-hypervisors/detail';
