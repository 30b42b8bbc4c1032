export const servicesUrl = () => 'os-services';
